// Returns every reference wage (with its source records) and every exchange rate in the store: the tables pay is compared with.
CALL () {
  MATCH (w:WageReference)
  RETURN collect(w {.*, sources: COLLECT { UNWIND coalesce(w.sources, []) AS sid MATCH (s:Source {id: sid}) RETURN s {.*} }}) AS wageReferences
}
CALL () {
  MATCH (x:ExchangeRate)
  RETURN collect(x {.*}) AS exchangeRates
}
RETURN wageReferences, exchangeRates
