// Which .txt files are digests (pure). VS Code applies a language's `firstLine` only to files that
// no extension claims, and `.txt` belongs to Plain Text, so the extension re-labels a plain-text
// document itself when its first line is daily-papers page boilerplate. The pattern is the one in
// package.json's `firstLine` (a test keeps the two equal).

export const DIGEST_FIRST_LINE = /^\uFEFF?\s*(?:new|Subscribe|Daily Papers|byAK and the research community|Get trending papers in your email inbox(?: once a day)?!)\s*$/;

/** true for a plain-text .txt document whose first line is daily-papers boilerplate. */
export function isTxtDigest(languageId: string, fileName: string, firstLine: string): boolean {
  return languageId === 'plaintext' && /\.txt$/i.test(fileName) && DIGEST_FIRST_LINE.test(firstLine);
}
