// A validation rule: an operation whose type the schema lacks (a subscription here) is a request error,
// answered with GRAPHQL_VALIDATION_FAILED, instead of failing inside execution as an internal error.
import { GraphQLError, type ValidationRule } from 'graphql';

export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(
        `This API does not answer ${node.operation}s: it answers queries and mutations. Send one of those (see /graphiql and docs/queries).`,
        { nodes: [node] },
      ),
    );
  },
});
