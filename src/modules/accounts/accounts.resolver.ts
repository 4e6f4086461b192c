import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { signIn } from '../auth/auth.api';
import { AuthPayload } from '../auth/auth.types';
import {
  ChangeEmailInput,
  ChangePasswordInput,
  ConfirmEmailChangeInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  VerifyEmailInput,
} from './accounts.inputs';
import {
  ChangeEmailPayload,
  ChangePasswordPayload,
  ConfirmEmailChangePayload,
  RequestEmailVerificationPayload,
  RequestPasswordResetPayload,
  VerifyEmailPayload,
} from './accounts.types';

@Resolver()
export class AccountsResolver {
  @Mutation(() => RequestEmailVerificationPayload, {
    description:
      "Mails the viewer's email a new verification link, <PUBLIC_URL>/verify-email?token= (valid 24 hours); earlier links are GONE from then on. Rate limited per email and per client address.",
  })
  async requestEmailVerification(@Ctx() ctx: Context): Promise<RequestEmailVerificationPayload> {
    return { sent: await ctx.services.accounts.requestEmailVerification(requireViewer(ctx), ctx.clientAddress) };
  }

  @Mutation(() => VerifyEmailPayload, {
    description:
      "Uses a verification link (no session needed): an account's email or an organization's notification mailbox becomes verified. A used, expired or replaced link is GONE.",
  })
  async verifyEmail(
    @Arg('input', () => VerifyEmailInput, { description: 'The parameters of `verifyEmail`.' }) input: VerifyEmailInput,
    @Ctx() ctx: Context,
  ): Promise<VerifyEmailPayload> {
    return ctx.services.accounts.verifyEmail(input.token);
  }

  @Mutation(() => RequestPasswordResetPayload, {
    description:
      'Mails a password reset link, <PUBLIC_URL>/reset-password?token= (valid 1 hour, single use; a newer request makes older links GONE), if the email has an account. The answer is the same either way. Rate limited per email and per client address.',
  })
  async requestPasswordReset(
    @Arg('input', () => RequestPasswordResetInput, { description: 'The parameters of `requestPasswordReset`.' }) input: RequestPasswordResetInput,
    @Ctx() ctx: Context,
  ): Promise<RequestPasswordResetPayload> {
    await ctx.services.accounts.requestPasswordReset(input.email, ctx.clientAddress);
    return { accepted: true };
  }

  @Mutation(() => AuthPayload, {
    description:
      'Uses a password reset link (no session needed): sets the new password, marks the email verified, ends every session of the account and returns a new one. A used, expired or replaced link is GONE.',
  })
  async resetPassword(
    @Arg('input', () => ResetPasswordInput, { description: 'The parameters of `resetPassword`.' }) input: ResetPasswordInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    const result = await ctx.services.accounts.resetPassword(input.token, input.password, ctx.userAgent);
    signIn(ctx, result);
    return result;
  }

  @Mutation(() => ChangePasswordPayload, {
    description:
      "Needs the current password (wrong: BAD_USER_INPUT on currentPassword, counted as a failed login). Ends every other session of the viewer and mails a notice to the account's email.",
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'The parameters of `changePassword`.' }) input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<ChangePasswordPayload> {
    const user = await ctx.services.accounts.changePassword(requireViewer(ctx), input.currentPassword, input.newPassword, ctx.clientAddress);
    return { user };
  }

  @Mutation(() => ChangeEmailPayload, {
    description:
      'Needs the current password (wrong: BAD_USER_INPUT on currentPassword, counted as a failed login); a taken address is CONFLICT. Mails <PUBLIC_URL>/confirm-email?token= (valid 24 hours) to the new address and a notice to the current one; the address changes at confirmEmailChange.',
  })
  async changeEmail(
    @Arg('input', () => ChangeEmailInput, { description: 'The parameters of `changeEmail`.' }) input: ChangeEmailInput,
    @Ctx() ctx: Context,
  ): Promise<ChangeEmailPayload> {
    return { pendingEmail: await ctx.services.accounts.changeEmail(requireViewer(ctx), input.newEmail, input.currentPassword, ctx.clientAddress) };
  }

  @Mutation(() => ConfirmEmailChangePayload, {
    description:
      'Uses an email change link (no session needed): the account switches to the new address, verified. CONFLICT if another account took the address meanwhile; a used, expired or replaced link is GONE.',
  })
  async confirmEmailChange(
    @Arg('input', () => ConfirmEmailChangeInput, { description: 'The parameters of `confirmEmailChange`.' }) input: ConfirmEmailChangeInput,
    @Ctx() ctx: Context,
  ): Promise<ConfirmEmailChangePayload> {
    return { email: await ctx.services.accounts.confirmEmailChange(input.token) };
  }
}
