"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { JsonField, parseJsonObject } from "../../_components/metadata";
import { Button, Dialog, InlineError, Input, Label, Segmented, Select, Spinner } from "../../_components/ui";
import { sessionHref } from "../../_lib/format";
import { useTRPC } from "../../_lib/trpc";

type UserChoice = "none" | "existing" | "new";

export function CreateSessionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [sessionId, setSessionId] = useState("");
  const [userChoice, setUserChoice] = useState<UserChoice>("new");
  const [userId, setUserId] = useState("");
  const [email, setEmail] = useState("");
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [userMetadata, setUserMetadata] = useState("");
  const [sessionMetadata, setSessionMetadata] = useState("");
  const [memoryType, setMemoryType] = useState("");
  const [errors, setErrors] = useState<{ user?: string; session?: string; form?: string }>({});

  // Suggestions for "existing user": the first users; any other id can still be typed.
  const users = useQuery({
    ...trpc.users.list.queryOptions({ limit: 200 }),
    enabled: open && userChoice === "existing",
  });
  const createUser = useMutation(trpc.users.create.mutationOptions());
  const createSession = useMutation(trpc.sessions.create.mutationOptions());
  const pending = createUser.isPending || createSession.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const user = userChoice === "new" ? parseJsonObject(userMetadata) : { value: {} };
    const session = parseJsonObject(sessionMetadata);
    setErrors({ user: user.error, session: session.error });
    if (user.error || session.error) return;
    try {
      if (userChoice === "new") {
        await createUser.mutateAsync({
          user_id: userId.trim(),
          email: email.trim() || undefined,
          first_name: firstName.trim() || undefined,
          last_name: lastName.trim() || undefined,
          metadata: user.value,
        });
      }
      const created = await createSession.mutateAsync({
        session_id: sessionId.trim(),
        user_id: userChoice === "none" ? undefined : userId.trim(),
        metadata: session.value,
        memory_type: (memoryType || undefined) as
          | "message_window"
          | "perpetual"
          | "summary_retriever"
          | undefined,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
      onClose();
      router.push(sessionHref(created.session_id));
    } catch (error) {
      setErrors({ form: (error as Error).message });
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="New session" wide>
      <form onSubmit={submit} className="space-y-5">
        <div>
          <Label htmlFor="new-session-id">Session id</Label>
          <div className="flex gap-2">
            <Input
              id="new-session-id"
              required
              value={sessionId}
              onChange={(e) => setSessionId(e.target.value)}
            />
            <Button onClick={() => setSessionId(crypto.randomUUID())}>Generate</Button>
          </div>
        </div>

        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">User</legend>
          <Segmented
            label="User"
            value={userChoice}
            onChange={setUserChoice}
            options={[
              { value: "new", label: "New user" },
              { value: "existing", label: "Existing user" },
              { value: "none", label: "No user" },
            ]}
          />
          {userChoice !== "none" && (
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <div className="sm:col-span-2">
                <Label htmlFor="new-user-id">User id</Label>
                <Input
                  id="new-user-id"
                  required
                  value={userId}
                  onChange={(e) => setUserId(e.target.value)}
                  list={userChoice === "existing" ? "existing-users" : undefined}
                  autoComplete="off"
                />
                {userChoice === "existing" && (
                  <datalist id="existing-users">
                    {(users.data ?? []).map((user) => (
                      <option key={user.uuid} value={user.user_id}>
                        {[user.first_name, user.last_name, user.email].filter(Boolean).join(" · ")}
                      </option>
                    ))}
                  </datalist>
                )}
              </div>
              {userChoice === "new" && (
                <>
                  <div className="sm:col-span-2">
                    <Label htmlFor="new-user-email" hint="optional">
                      Email
                    </Label>
                    <Input
                      id="new-user-email"
                      type="email"
                      value={email}
                      onChange={(e) => setEmail(e.target.value)}
                    />
                  </div>
                  <div>
                    <Label htmlFor="new-user-first" hint="optional">
                      First name
                    </Label>
                    <Input
                      id="new-user-first"
                      value={firstName}
                      onChange={(e) => setFirstName(e.target.value)}
                    />
                  </div>
                  <div>
                    <Label htmlFor="new-user-last" hint="optional">
                      Last name
                    </Label>
                    <Input
                      id="new-user-last"
                      value={lastName}
                      onChange={(e) => setLastName(e.target.value)}
                    />
                  </div>
                  <div className="sm:col-span-2">
                    <Label htmlFor="new-user-metadata" hint="JSON object">
                      User metadata
                    </Label>
                    <JsonField
                      id="new-user-metadata"
                      value={userMetadata}
                      onChange={setUserMetadata}
                      error={errors.user}
                      rows={3}
                    />
                  </div>
                </>
              )}
            </div>
          )}
        </fieldset>

        <div>
          <Label htmlFor="new-session-metadata" hint="JSON object">
            Session metadata
          </Label>
          <JsonField
            id="new-session-metadata"
            value={sessionMetadata}
            onChange={setSessionMetadata}
            error={errors.session}
            rows={3}
            placeholder='{"channel": "web", "tags": ["vip"]}'
          />
        </div>

        <div>
          <Label htmlFor="new-session-memory-type">Default memory type</Label>
          <Select
            id="new-session-memory-type"
            value={memoryType}
            onChange={(e) => setMemoryType(e.target.value)}
          >
            <option value="">Server default (message window)</option>
            <option value="message_window">Message window</option>
            <option value="perpetual">Perpetual</option>
            <option value="summary_retriever">Summary retriever</option>
          </Select>
        </div>

        <InlineError>{errors.form}</InlineError>
        <div className="flex justify-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending && <Spinner />} Create session
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
