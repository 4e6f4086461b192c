/** Every personal access token starts so (CONTRACT.md, Access tokens): the root sends such bearer tokens to this module. */
export const ACCESS_TOKEN_PREFIX = 'orgraph_pat_';
