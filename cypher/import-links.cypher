// Creates or updates a batch of links by id between existing entities, one clause per link type (types are literal); returns nothing.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
FOREACH (_ IN CASE WHEN row.type = 'RECRUITED_VIA' THEN [1] ELSE [] END | MERGE (a)-[r:RECRUITED_VIA {id: row.props.id}]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'CONTRACTED_BY' THEN [1] ELSE [] END | MERGE (a)-[r:CONTRACTED_BY {id: row.props.id}]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'WORKS_ON' THEN [1] ELSE [] END | MERGE (a)-[r:WORKS_ON {id: row.props.id}]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'SUBCONTRACTS_FOR' THEN [1] ELSE [] END | MERGE (a)-[r:SUBCONTRACTS_FOR {id: row.props.id}]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'PERFORMED_BY' THEN [1] ELSE [] END | MERGE (a)-[r:PERFORMED_BY {id: row.props.id}]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'EXECUTED_ON' THEN [1] ELSE [] END | MERGE (a)-[r:EXECUTED_ON {id: row.props.id}]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'ORDERED_BY' THEN [1] ELSE [] END | MERGE (a)-[r:ORDERED_BY {id: row.props.id}]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'FEEDS' THEN [1] ELSE [] END | MERGE (a)-[r:FEEDS {id: row.props.id}]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'OWNED_BY' THEN [1] ELSE [] END | MERGE (a)-[r:OWNED_BY {id: row.props.id}]->(b) SET r = row.props)
