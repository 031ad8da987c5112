// Sets on records loaded by the offline importer ($rows: id, props) the properties its CSV cannot carry exactly (empty lists, carriage returns), as the ordinary import's SET stores them; returns nothing.
UNWIND $rows AS row
MATCH (n:Record {id: row.id})
SET n += row.props
