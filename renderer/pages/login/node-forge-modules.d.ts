// node-forge's own files, imported one by one so the page carries only what a PKCS#12 login
// needs. Each registers itself on the shared forge object that `lib/forge` exports.
declare module 'node-forge/lib/forge' {
  import type forge from 'node-forge';
  const shared: typeof forge;
  export default shared;
}
declare module 'node-forge/lib/pkcs12';
declare module 'node-forge/lib/sha256';
declare module 'node-forge/lib/asn1';
