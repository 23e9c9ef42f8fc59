/** Stable codes of the drop folder's reason files (beside the ingest API's own, such as EMPTY_BODY and PAYLOAD_TOO_LARGE). */
export enum DropFolderErrorCode {
  FileNotReadable = 'FILE_NOT_READABLE',
}
