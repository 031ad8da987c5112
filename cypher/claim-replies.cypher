// Returns the requests for reply that name claim $claimId, most recently asked first, each with the organisation's name and the answer's source.
MATCH (r:Reply)
WHERE $claimId IN coalesce(r.claims, [])
OPTIONAL MATCH (o:Organization {id: r.organization})
OPTIONAL MATCH (s:Source {id: r.answerSource})
RETURN r {.*} AS reply, o.name AS organizationName, s {.*} AS answerSource
ORDER BY r.askedOn DESC, r.id DESC
