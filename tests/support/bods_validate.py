"""Validates a BODS 0.4 file with Open Ownership's libcovebods: the JSON Schema, the normative checks and additional
fields. Prints {"schema": [...], "checks": [...], "additionalFields": {...}, "skipped": [...]} as JSON.

Skipped: the checks that download org-id.guide's list of identifier schemes when they start (nothing is downloaded
at run time here); each is named in "skipped".
"""
import json
import sys

import libcovebods.additionalfields
import libcovebods.config
import libcovebods.data_reader
import libcovebods.jsonschemavalidate
import libcovebods.run_tasks
import libcovebods.schema
from libcovebods.tasks.checks import legacy_checks, record_based_checks

NEEDS_NETWORK = {
    legacy_checks.LegacyChecks,
    legacy_checks.LegacyChecksNeedingHistory,
    record_based_checks.CheckStatementEntityIdentifiersHaveKnownScheme,
}


def main(path):
    reader = libcovebods.data_reader.DataReader(path)
    config = libcovebods.config.LibCoveBODSConfig()
    schema = libcovebods.schema.SchemaBODS(reader, config)
    errors = [e.json() for e in libcovebods.jsonschemavalidate.JSONSchemaValidator(schema).validate(reader)]
    tasks = [t for t in libcovebods.run_tasks.TASK_CLASSES if t not in NEEDS_NETWORK]
    output = libcovebods.run_tasks.process_additional_checks(reader, config, schema, tasks)
    extra = libcovebods.additionalfields.AdditionalFields(schema).process(reader)
    print(json.dumps({
        "schemaVersion": schema.schema_version,
        "schema": errors,
        "checks": output.get("additional_checks", []),
        "additionalFields": extra,
        "skipped": sorted(t.__name__ for t in NEEDS_NETWORK),
    }, default=str))


if __name__ == "__main__":
    main(sys.argv[1])
