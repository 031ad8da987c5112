// Sets on links loaded by the offline importer ($rows: type, id, from, to, props) the properties its CSV cannot carry exactly (empty lists, carriage returns), as the ordinary import's SET stores them; returns nothing.
UNWIND $rows AS row
MATCH (a:Record {id: row.from})-[r]->(b:Record {id: row.to})
WHERE type(r) = row.type AND r.id = row.id
SET r += row.props
