// Registers a user and lists their organization's members page by page, fully typed:
//   ORGRAPH_URL=http://localhost:4000/graphql npx tsx examples/typed-client/src/main.ts
import { createClient } from './client';
import { MemberNodesDocument, RegisterDocument } from './gql/graphql';

async function main() {
  const url = process.env.ORGRAPH_URL ?? 'http://localhost:4000/graphql';
  const registered = await createClient(url).request(RegisterDocument, {
    input: { email: `typed-${Date.now()}@example.com`, name: 'Typed Client', password: 'correct horse battery' },
  });
  if (registered.errors) {
    for (const error of registered.errors) {
      // `fields` exists only on BAD_USER_INPUT: the union says so.
      if (error.extensions.code === 'BAD_USER_INPUT') console.error(error.extensions.fields);
      else console.error(error.extensions.code, error.message);
    }
    process.exit(1);
  }
  const { token, organization } = registered.data.register;
  const members = await createClient(url, token).request(MemberNodesDocument, { moniker: organization!.moniker, first: 10 });
  if (members.errors) throw new Error(members.errors.map((e) => e.extensions.code).join(', '));
  for (const member of members.data.organization?.members.nodes ?? []) console.log(member.role, member.user.name);
}

void main();
