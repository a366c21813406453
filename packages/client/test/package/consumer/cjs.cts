// A consumer's CommonJS file: resolves the package by name through its exports map (require -> .d.cts).
import client = require("@community-api/client");

const c = client.createCommunityClient({ baseUrl: "https://community.example.com" });
export const page: Promise<client.InvitedUserPage> = c.getEventInvitedUsers("1");
