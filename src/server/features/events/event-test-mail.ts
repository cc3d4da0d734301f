/** Test helper: the text of an .eml the outbox mailer wrote (quoted-printable or base64 bodies). */
export function mailText(eml: string): string {
  const [head = '', ...rest] = eml.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding: quoted-printable/i.test(head)) {
    const soft = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let k = 0; k < soft.length; k++) {
      if (soft[k] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(k + 1, k + 3))) {
        bytes.push(parseInt(soft.slice(k + 1, k + 3), 16));
        k += 2;
      } else bytes.push(...Buffer.from(soft[k]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}
