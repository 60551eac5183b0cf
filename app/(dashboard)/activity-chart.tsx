"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { pageLocale } from "../_lib/format";

const dayLabel = new Intl.DateTimeFormat(pageLocale, { month: "short", day: "numeric", timeZone: "UTC" });
const label = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

export function ActivityChart({ data }: { data: { day: string; messages: number; sessions: number }[] }) {
  return (
    <div className="h-64 w-full text-zinc-400" role="img" aria-label="Messages and new sessions per day">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <defs>
            <linearGradient id="messagesFill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#6366f1" stopOpacity={0.35} />
              <stop offset="100%" stopColor="#6366f1" stopOpacity={0} />
            </linearGradient>
            <linearGradient id="sessionsFill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#10b981" stopOpacity={0.3} />
              <stop offset="100%" stopColor="#10b981" stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.25} vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={label}
            tick={{ fontSize: 11, fill: "currentColor" }}
            tickLine={false}
            axisLine={false}
            minTickGap={16}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 11, fill: "currentColor" }}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip
            labelFormatter={(value) => label(String(value))}
            contentStyle={{ borderRadius: 8, fontSize: 12, border: "1px solid rgb(228 228 231)" }}
          />
          <Area
            type="monotone"
            dataKey="messages"
            name="Messages"
            stroke="#6366f1"
            strokeWidth={2}
            fill="url(#messagesFill)"
            isAnimationActive={false}
          />
          <Area
            type="monotone"
            dataKey="sessions"
            name="New sessions"
            stroke="#10b981"
            strokeWidth={2}
            fill="url(#sessionsFill)"
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
