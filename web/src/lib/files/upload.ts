/**
 * Uploading a file with XMLHttpRequest: `fetch` reports no upload progress. Aborting the request
 * cancels the upload; the server then keeps nothing of it.
 */
import type { ErrorBody } from '../../../../src/shared/errors';
import type { StorageUsage, UploadedFile } from '../../../../src/shared/model';
import { ACCOUNT_HEADER } from '../../../../src/shared/wire';
import { channelPath, type FilePlace } from './urls';

/** A refused or failed upload: the server's code and message, and its storage figures when it sent them. */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly storage?: StorageUsage,
  ) {
    super(message);
  }
}

export interface UploadRequest {
  place: FilePlace;
  body: Blob;
  name: string;
  type: string;
  width?: number;
  height?: number;
  /** Bytes sent so far and the total, as they go. */
  onProgress: (sent: number, total: number) => void;
}

export interface Upload {
  done: Promise<UploadedFile>;
  abort: () => void;
}

export function startUpload(request: UploadRequest): Upload {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ name: request.name });
  if (request.width && request.height) {
    query.set('width', String(request.width));
    query.set('height', String(request.height));
  }
  const done = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open('POST', `${channelPath(request.place)}/files?${query}`);
    xhr.setRequestHeader(ACCOUNT_HEADER, request.place.accountId);
    xhr.setRequestHeader('Content-Type', request.type);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => request.onProgress(event.loaded, event.lengthComputable ? event.total : request.body.size);
    xhr.onload = () => {
      const data = xhr.response as ({ file?: UploadedFile } & Partial<ErrorBody>) | null;
      if (xhr.status === 201 && data?.file) return resolve(data.file);
      const error = data?.error;
      reject(new UploadError(error?.code ?? 'internal', error?.message ?? `The server answered ${xhr.status}`, error?.storage));
    };
    xhr.onerror = () => reject(new UploadError('network', 'The upload was cut off. Check your connection and retry.'));
    xhr.onabort = () => reject(new UploadError('aborted', 'Cancelled'));
    xhr.send(request.body);
  });
  return { done, abort: () => xhr.abort() };
}
