// Returns one page of the requests for reply put to organisation $organizationId, most recently asked first (then by id, descending), after the one asked on $afterOn with id $afterId ('' for the first page): $first + 1 of them, so the caller knows if there are more; each with the organisation's name and the answer's source; and how many there are in all.
CALL () {
  MATCH (r:Reply {organization: $organizationId})
  RETURN count(r) AS totalCount
}
CALL () {
  MATCH (r:Reply {organization: $organizationId})
  WHERE $afterId = '' OR r.askedOn < $afterOn OR (r.askedOn = $afterOn AND r.id < $afterId)
  WITH r ORDER BY r.askedOn DESC, r.id DESC LIMIT $first + 1
  OPTIONAL MATCH (o:Organization {id: r.organization})
  OPTIONAL MATCH (s:Source {id: r.answerSource})
  RETURN collect({reply: r {.*}, organizationName: o.name, answerSource: s {.*}}) AS page
}
RETURN totalCount, page
