import type { StoredInstanceSettings } from '../durable/directory/instance-settings';
import { type InstanceSettings, REGISTRATION_MODES, type RegistrationMode } from '../shared/model';
import type { Env } from './context';

/** Operator settings from the environment (see README), with their defaults. */
export function registrationMode(env: Env): RegistrationMode {
  const value = (env.REGISTRATION_MODE ?? '').trim().toLowerCase();
  return (REGISTRATION_MODES as readonly string[]).includes(value) ? (value as RegistrationMode) : 'open';
}

export function instanceName(env: Env): string {
  return env.INSTANCE_NAME?.trim() || 'Hearth';
}

/**
 * The PlantUML server's base address without a trailing slash, or null when none is
 * configured. Anything but an http(s) URL counts as none, with a warning for the operator.
 */
export function plantUmlUrl(env: Env): string | null {
  const value = env.PLANTUML_URL?.trim();
  if (!value) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    console.warn(`HEARTH_PLANTUML_URL is not an http(s) address, so PlantUML is off: ${value}`);
    return null;
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The settings in force: what an administrator stored, else the environment's default. */
export function instanceSettings(env: Env, stored: StoredInstanceSettings): InstanceSettings {
  return {
    name: stored.name ?? instanceName(env),
    registrationMode: stored.registrationMode ?? registrationMode(env),
  };
}

const MEGABYTE = 1024 * 1024;
const DEFAULT_MAX_FILE_MB = 100;
const DEFAULT_USER_QUOTA_MB = 1024;

export interface FileLimits {
  maxFileBytes: number;
  quotaBytes: number;
}

/** HEARTH_MAX_FILE_MB and HEARTH_USER_QUOTA_MB, in megabytes of 1,048,576 bytes (fractions allowed). */
export function fileLimits(env: Env): FileLimits {
  return {
    maxFileBytes: megabytes(env.MAX_FILE_MB, DEFAULT_MAX_FILE_MB),
    quotaBytes: megabytes(env.USER_QUOTA_MB, DEFAULT_USER_QUOTA_MB),
  };
}

function megabytes(value: string | null | undefined, fallback: number): number {
  const parsed = Number(value?.trim() || NaN);
  return Math.floor((Number.isFinite(parsed) && parsed > 0 ? parsed : fallback) * MEGABYTE);
}
