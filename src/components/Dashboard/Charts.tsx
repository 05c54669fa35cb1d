'use client'

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { MonthRevenue } from '../../dashboard/queries/revenuePerMonth'
import type { WeekCount } from '../../dashboard/queries/registrationsPerWeek'

const COLORS = ['#2f6fdf', '#e0863a', '#3aa57a', '#a05ad6', '#d64545']
const axisColor = 'var(--theme-elevation-600)'

/** Weekly registrations as bars; the server component passes the numbers, this only draws them. */
export function RegistrationsChart({ weeks, locale }: { weeks: WeekCount[]; locale: string }) {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const data = weeks.map((week) => ({ label: format.format(new Date(`${week.week}T00:00:00Z`)), value: week.registrations }))
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-150)" />
        <XAxis dataKey="label" stroke={axisColor} fontSize={12} />
        <YAxis allowDecimals={false} stroke={axisColor} fontSize={12} />
        <Tooltip />
        <Bar dataKey="value" name="#" fill={COLORS[0]} />
      </BarChart>
    </ResponsiveContainer>
  )
}

/** Net revenue per month, one bar series per currency (currencies are never summed together). */
export function RevenueChart({ months, locale }: { months: MonthRevenue[]; locale: string }) {
  const currencies = [...new Set(months.flatMap((month) => Object.keys(month.amounts)))].sort()
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' })
  const data = months.map((month) => ({ label: monthFormat.format(new Date(`${month.month}-01T00:00:00Z`)), ...month.amounts }))
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-150)" />
        <XAxis dataKey="label" stroke={axisColor} fontSize={12} />
        <YAxis stroke={axisColor} fontSize={12} />
        <Tooltip formatter={(value, name) => new Intl.NumberFormat(locale, { style: 'currency', currency: String(name) }).format(Number(value))} />
        <Legend />
        {currencies.map((currency, index) => (
          <Bar key={currency} dataKey={currency} name={currency} fill={COLORS[index % COLORS.length]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}
