// The attachments bucket: presigned POST uploads, presigned GET downloads,
// HeadObject, conditional copies, deletes and object tags. One client per container; locally the SDK reads
// AWS_ENDPOINT_URL_S3 and s3rver needs path-style URLs.
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { env } from './env.ts';

export const s3 = new S3Client({
  forcePathStyle: env.s3ForcePathStyle,
  // Checksums only where S3 requires them: a default CRC32 on every request
  // would have to be part of what the browser sends with a presigned form.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

const BUCKET = env.bucketName;

export interface ObjectTag {
  readonly key: string;
  readonly value: string;
}

export interface UploadForm {
  readonly url: string;
  readonly fields: Record<string, string>;
}

/**
 * A browser form that can create exactly one object: the key is pinned, the
 * size must be exactly `size` bytes (a different size could never be bound, so
 * S3 refuses it at upload time instead), the Content-Type is the declared one,
 * and the object gets `tag` (the lifecycle rule's handle on unbound uploads).
 * Every field is also a policy condition, so none can be changed or dropped.
 */
export const presignUpload = async (input: {
  key: string;
  contentType: string;
  size: number;
  tagging: string;
  expiresInSeconds: number;
}): Promise<{ form: UploadForm; expiresAt: string }> => {
  const form = await createPresignedPost(s3, {
    Bucket: BUCKET,
    Key: input.key,
    Fields: { 'Content-Type': input.contentType, tagging: input.tagging },
    Conditions: [['content-length-range', input.size, input.size]],
    Expires: input.expiresInSeconds,
  });
  // Announce exactly the expiry S3 enforces: the signed policy's own.
  const policy = JSON.parse(Buffer.from(form.fields.Policy ?? '', 'base64').toString('utf8')) as { expiration: string };
  return { form, expiresAt: new Date(policy.expiration).toISOString() };
};

/** A short-lived GET that downloads the object under a safe file name. */
export const presignDownload = (input: { key: string; contentDisposition: string; contentType: string; expiresInSeconds: number }): Promise<string> =>
  getSignedUrl(
    s3,
    new GetObjectCommand({ Bucket: BUCKET, Key: input.key, ResponseContentDisposition: input.contentDisposition, ResponseContentType: input.contentType }),
    { expiresIn: input.expiresInSeconds },
  );

const isMissing = (error: unknown): boolean =>
  error instanceof S3ServiceException && (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/** What HeadObject says; `etag` names exactly these bytes. */
export interface HeadResult {
  readonly size: number;
  readonly contentType: string | undefined;
  readonly etag: string;
}

/** Size, type and ETag of an object, or undefined when nothing was uploaded under the key. */
export const headObject = async (key: string): Promise<HeadResult | undefined> => {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    // Every S3 object has one; without it a copy could not be made conditional.
    if (!head.ETag) throw new Error(`S3 answered no ETag for ${key}`);
    return { size: head.ContentLength ?? 0, contentType: head.ContentType, etag: head.ETag };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
};

/**
 * Copies `from` to `to` only if `from` still has ETag `etag` (S3 answers 412
 * otherwise: false here), keeping its Content-Type and replacing its tags with
 * `tag`, so a copy never inherits the upload's `state=pending`.
 */
export const copyObjectIfUnchanged = async (input: { from: string; to: string; etag: string; tag: ObjectTag }): Promise<boolean> => {
  try {
    await s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: input.to,
        CopySource: `${BUCKET}/${input.from.split('/').map(encodeURIComponent).join('/')}`,
        CopySourceIfMatch: input.etag,
        MetadataDirective: 'COPY',
        TaggingDirective: 'REPLACE',
        Tagging: new URLSearchParams({ [input.tag.key]: input.tag.value }).toString(),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof S3ServiceException && (error.name === 'PreconditionFailed' || error.$metadata.httpStatusCode === 412)) return false;
    throw error;
  }
};

/** Deletes the object (nothing happens when it is already gone). */
export const deleteObject = async (key: string): Promise<void> => {
  await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
};

export const getObjectTags = async (key: string): Promise<ObjectTag[]> => {
  const { TagSet = [] } = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: key }));
  return TagSet.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
};
