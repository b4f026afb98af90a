// The synthesized stack, shared by the infra suites: functions use stub code
// (no esbuild, no entry files needed), so synthesis is fast and independent of functions/.
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '#infra/app';

// Every resource this stack makes has Properties.
export type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; [k: string]: unknown }>;
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}

export const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

export const synth = (context?: Record<string, unknown>) => {
  const built = buildApp({ code: 'stub', ...(context ? { context } : {}) });
  // Synthesis runs the validation plugins: an unacknowledged nag error throws here.
  const template = Template.fromStack(built.stack);
  return { ...built, template, resources: template.toJSON().Resources as Resources };
};

export const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }): string => stack.getLogicalId(construct.node.defaultChild as never);
