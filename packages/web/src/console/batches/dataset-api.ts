/**
 * The server calls and file reads of a dataset import, in the shape the run takes (`DatasetRunApi`): the
 * project's tasks by unique_id prefix (the task explorer's search), uploads with a content reference, the
 * bulk task import, the project's gold and its stored files' hashes.
 */
import { api, call } from '../../api/client.ts';
import { sha256OfFile } from './dataset-files.ts';
import type { DatasetRunApi } from './dataset-run.ts';

/** Pages of the task explorer read at most to find the tasks already imported (500 each). */
const MAX_EXISTING_PAGES = 400;

/** The run's calls for `project`, uploading picked `files` (by their path in the dataset). */
export function datasetRunApi(options: {
  project: string;
  type: string;
  batch: string | undefined;
  files: ReadonlyMap<string, File>;
}): DatasetRunApi {
  const { project, files } = options;
  const fileAt = (path: string) => {
    const file = files.get(path);
    if (!file) throw new Error(`${path} is no longer picked`);
    return file;
  };
  return {
    async uniqueIdsStartingWith(prefix, signal) {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_EXISTING_PAGES && !signal.aborted; page++) {
        const result = await call(
          api.GET('/api/projects/{name}/tasks', {
            params: {
              path: { name: project },
              query: { q: prefix, sort: 'oldest', limit: 500, ...(cursor ? { cursor } : {}) },
            },
            signal,
          }),
        );
        for (const task of result.items) {
          if (task.uniqueId?.startsWith(prefix)) ids.push(task.uniqueId);
        }
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return ids;
    },

    hashFile: (path) => sha256OfFile(fileAt(path)),

    async uploadFile(path, referenceId, signal) {
      const file = fileAt(path);
      const form = new FormData();
      form.append('project_name', project);
      form.append('display_name', path);
      if (referenceId !== undefined) form.append('reference_id', referenceId);
      form.append('file', file, file.name);
      const stored = await call(
        api.POST('/api/files', {
          body: form as unknown as { file: string },
          bodySerializer: (body: unknown) => body as FormData,
          signal,
        }),
      );
      return stored.attachmentUrl;
    },

    async importTasks(ndjson) {
      const result = await call(
        api.POST('/api/tasks/import', {
          params: {
            query: {
              type: options.type,
              project,
              ...(options.batch ? { batch: options.batch } : {}),
              format: 'ndjson',
              mode: 'partial',
              onDuplicate: 'skip',
            },
          },
          body: ndjson,
          bodySerializer: (value: unknown) => value as BodyInit,
          headers: { 'content-type': 'application/x-ndjson' },
        }),
      );
      return result;
    },

    async goldAttachments(signal) {
      const attachments: string[] = [];
      let before: string | undefined;
      do {
        const page = await call(
          api.GET('/api/projects/{name}/gold', {
            params: {
              path: { name: project },
              query: { archived: 'true', limit: 100, ...(before ? { before } : {}) },
            },
            signal,
          }),
        );
        for (const gold of page.gold) {
          if (typeof gold.params.attachment === 'string') attachments.push(gold.params.attachment);
        }
        before = page.next ?? undefined;
      } while (before !== undefined && !signal.aborted);
      return attachments;
    },

    async storedFileHash(fileId, signal) {
      try {
        const file = await call(api.GET('/api/files/{id}', { params: { path: { id: fileId } }, signal }));
        return file.sha256;
      } catch {
        return undefined;
      }
    },

    async createGold(body) {
      await call(api.POST('/api/projects/{name}/gold', { params: { path: { name: project } }, body }));
    },
  };
}
