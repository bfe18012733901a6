import { AppError } from '../../shared/errors';
import { formatSize } from '../../shared/files';
import { LIMITS } from '../../shared/limits';
import type { StorageUsage } from '../../shared/model';
import { fileLimits } from '../config';
import type { Env } from '../context';
import { directory } from '../stubs';

export async function storageUsage(env: Env, userId: string, usedBytes?: number): Promise<StorageUsage> {
  const { maxFileBytes, quotaBytes } = fileLimits(env);
  return {
    usedBytes: usedBytes ?? (await directory(env).fileBytesUsed(userId)),
    quotaBytes,
    maxFileBytes,
    maxAttachments: LIMITS.attachmentsPerMessageMax,
  };
}

export async function fileTooLarge(env: Env, userId: string, size: number): Promise<AppError> {
  const storage = await storageUsage(env, userId);
  return new AppError('file_too_large', `This file is ${formatSize(size)}; the limit on this server is ${formatSize(storage.maxFileBytes)}`, {
    storage,
  });
}

export async function quotaExceeded(env: Env, userId: string, size: number, usedBytes: number): Promise<AppError> {
  const storage = await storageUsage(env, userId, usedBytes);
  const left = Math.max(0, storage.quotaBytes - usedBytes);
  return new AppError(
    'quota_exceeded',
    `This needs ${formatSize(size)}, but only ${formatSize(left)} of your ${formatSize(storage.quotaBytes)} file storage is left ` +
      `(${formatSize(usedBytes)} used). Deleting messages with files you no longer need frees space.`,
    { storage },
  );
}
