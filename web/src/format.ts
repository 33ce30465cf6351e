export function dateRange(first?: string, last?: string): string {
  if (!first && !last) return 'undated';
  if (!first || !last || first === last) return (first ?? last) as string;
  return `${first} – ${last}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
