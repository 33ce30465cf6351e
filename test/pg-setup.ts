/**
 * Starts a throw-away PostgreSQL cluster on loopback for the tests that need a real server, when the
 * PostgreSQL server binaries are installed (CI installs them). Tests read the URL with `inject('pgUrl')`
 * and skip when it is empty. `STORYLINE_TEST_PG` points the tests at an existing server instead.
 */
import type { TestProject } from 'vitest/node';
import { findPgBin, startPgCluster } from '../scripts/pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgControl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.STORYLINE_TEST_PG || !findPgBin()) {
    project.provide('pgUrl', process.env.STORYLINE_TEST_PG ?? '');
    project.provide('pgControl', '');
    return () => undefined;
  }
  const cluster = await startPgCluster();
  project.provide('pgUrl', cluster.url);
  project.provide('pgControl', cluster.control);
  return () => cluster.stop();
}
