// Returns which of $keys (record ids, and "link:TYPE:id" for links) editors have retracted, with the change that did it and its reason.
UNWIND $keys AS key
MATCH (t:Retraction {key: key})
RETURN key, t.change AS change, t.reason AS reason
