// The recovery actions an organization's policy can allow, by the names administrators write in it
// (shared/policy.ts). No imports: the error contract names them too. New actions add their name here.
export const POLICY_ACTIONS = [
  'forgotPassword',
  'confirmForgotPassword',
  'resendInvitation',
  'adminResetPassword',
  'setTemporaryPassword',
  // Sessions and risk
  'revokeSession',
  'globalSignOut',
  'authEventFeedback',
  // How the user signs in
  'resetMfa',
] as const;
