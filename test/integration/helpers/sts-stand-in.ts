import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for AWS STS on 127.0.0.1. The one stand-in these tests need: no STS exists offline
// and the embedded emulator has none, yet the SDK's own providers (fromIni role chains,
// fromTemporaryCredentials) and GetCallerIdentity must really run. It answers AssumeRole and
// GetCallerIdentity in the awsQuery XML the SDK parses, and records who signed each call.
// Point the SDK at it with AWS_ENDPOINT_URL_STS.

export interface StsCall {
  action: string;
  /** The access key id from the Authorization header's Credential=. */
  signedWith: string | undefined;
  params: Record<string, string>;
}

export interface StsStandIn {
  endpoint: string;
  calls: StsCall[];
  /** Access key ids AssumeRole handed out, with the role each belongs to. */
  issued: Map<string, { roleArn: string; sessionName: string }>;
  close(): Promise<void>;
}

export interface StsStandInOptions {
  /** Calls signed with these keys fail with ExpiredToken, as STS answers an expired session. */
  expiredKeyIds?: readonly string[];
  /** AssumeRole of these roles is refused with AccessDenied. */
  deniedRoleArns?: readonly string[];
}

export const STS_STAND_IN_USER_ACCOUNT = '111111111111';

export async function startStsStandIn(options: StsStandInOptions = {}): Promise<StsStandIn> {
  const calls: StsCall[] = [];
  const issued = new Map<string, { roleArn: string; sessionName: string }>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const signedWith = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
      const action = params.Action ?? '';
      calls.push({ action, signedWith, params });
      const reply = (status: number, xml: string) => {
        res.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': randomBytes(8).toString('hex') });
        res.end(xml);
      };
      const fail = (status: number, code: string, message: string) =>
        reply(status, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>stand-in</RequestId></ErrorResponse>`);

      if (signedWith && options.expiredKeyIds?.includes(signedWith)) return fail(403, 'ExpiredToken', 'The security token included in the request is expired');
      if (action === 'AssumeRole') {
        const roleArn = params.RoleArn ?? '';
        if (options.deniedRoleArns?.includes(roleArn)) {
          return fail(403, 'AccessDenied', `User: arn:aws:iam::${STS_STAND_IN_USER_ACCOUNT}:user/helpdesk is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
        }
        const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
        const sessionName = params.RoleSessionName ?? 'session';
        issued.set(accessKeyId, { roleArn, sessionName });
        const expiration = new Date(Date.now() + 3600_000).toISOString();
        return reply(
          200,
          `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${randomBytes(20).toString('hex')}</SecretAccessKey><SessionToken>${randomBytes(32).toString('hex')}</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>${assumedArn(roleArn, sessionName)}</Arn><AssumedRoleId>AROASTANDIN:${sessionName}</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>stand-in</RequestId></ResponseMetadata></AssumeRoleResponse>`,
        );
      }
      if (action === 'GetCallerIdentity') {
        const role = signedWith ? issued.get(signedWith) : undefined;
        const arn = role ? assumedArn(role.roleArn, role.sessionName) : `arn:aws:iam::${STS_STAND_IN_USER_ACCOUNT}:user/helpdesk`;
        const account = /::(\d{12}):/.exec(arn)?.[1] ?? STS_STAND_IN_USER_ACCOUNT;
        return reply(
          200,
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AIDASTANDIN</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>stand-in</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      }
      return fail(400, 'InvalidAction', `Could not find operation ${action}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    issued,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function assumedArn(roleArn: string, sessionName: string): string {
  const [, account = '000000000000', roleName = 'role'] = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn) ?? [];
  return `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;
}
