// Marks the curated datasets among $datasets as changed behind their counts (a retraction, a restored record, a removal that others named): their next edit reads and checks the whole dataset (curate.ts), which clears the mark (dataset-checked); returns nothing.
UNWIND $datasets AS id
MATCH (d:Dataset {id: id}) WHERE d.origin = 'curation'
SET d.recheck = true
