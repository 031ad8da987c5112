// Sets the evidence digest on the change counter to $digest and the number of elements it covers to $count (computed in Node from the `h` a transaction retired and made); with $complete true, marks it as covering the whole store; returns nothing.
MATCH (k:ChangeCounter {singleton: true})
SET k.digest = $digest, k.evidenceCount = $count, k.digestComplete = CASE WHEN $complete THEN true ELSE k.digestComplete END
