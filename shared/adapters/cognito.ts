// The Cognito user pool, for the admin MFA check and `npm run admin:create`.
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

const cognito = new CognitoIdentityProviderClient({});

/** The MFA methods the user has enrolled (e.g. SOFTWARE_TOKEN_MFA). */
export const getMfaMethods = async (userPoolId: string, username: string): Promise<string[]> => {
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  return user.UserMFASettingList ?? [];
};

export interface NewUser {
  readonly userPoolId: string;
  readonly email: string;
  readonly group: string;
}

/** Creates the user (Cognito emails a temporary password) and puts it in the group. */
export const createUserInGroup = async ({ userPoolId, email, group }: NewUser): Promise<string> => {
  const { User } = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    }),
  );
  const username = User?.Username ?? email;
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: group }));
  return username;
};
