"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardHeader, ErrorState, Loading, Table, Td, Th } from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";

export function Configuration() {
  const trpc = useTRPC();
  const configuration = useQuery(trpc.dashboard.configuration.queryOptions());
  return (
    <Card>
      <CardHeader
        title="Configuration"
        description="The server's environment variables. Secrets show only whether they are set."
      />
      {configuration.isPending ? (
        <Loading />
      ) : configuration.isError ? (
        <ErrorState error={configuration.error} retry={() => configuration.refetch()} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Variable</Th>
              <Th>Value</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {configuration.data.map((entry) => (
              <tr key={entry.name}>
                <Td className="font-mono text-xs">{entry.name}</Td>
                <Td
                  className={`font-mono text-xs break-all ${entry.value === "set (hidden)" || entry.value.startsWith("not ") ? "text-zinc-500 italic" : ""}`}
                >
                  {entry.value}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
