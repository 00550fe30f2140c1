"use server";

import { action } from "@/app/_server/action";
import { changeOwnPassword, changeOwnPasswordInput } from "@/lib/auth";

export const changeOwnPasswordAction = action({ name: "account.changePassword", operation: "studio.use", input: changeOwnPasswordInput }, async (input, { db, principal }) => {
  await changeOwnPassword(db, principal, input);
  return null;
});
