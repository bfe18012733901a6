/** Every size and rate bound Hearth enforces, in one place. */
export const LIMITS = {
  usernameMin: 3,
  usernameMax: 32,
  displayNameMax: 64,
  passwordMin: 8,
  passwordMax: 256,
  workspaceNameMax: 64,
  channelNameMax: 64,
  channelTopicMax: 250,
  messageBodyMax: 8000,
  /** Largest WebSocket frame a client may send, in UTF-16 code units. */
  frameMax: 32 * 1024,
  /** Largest JSON request body, in bytes. */
  jsonBodyMax: 64 * 1024,
  clientIdMax: 64,
  inviteCodeLength: 10,
  inviteMaxUses: 10_000,
  /** Invites expire at most a year out. */
  inviteMaxLifetimeMs: 365 * 24 * 3600 * 1000,
  /** Accounts signed in at once in one browser. */
  accountsPerBrowser: 5,
  historyPageSize: 50,
  /** Search (issue 7): longest query, terms in it, hits per page, channel objects asked at once. */
  searchQueryMax: 500,
  searchTermsMax: 16,
  searchPageSize: 20,
  searchChannelsAtOnce: 32,
  /** Matches per channel that "most relevant" scores (its newest). */
  searchRelevanceWindow: 100,
  /** Existing messages indexed per alarm turn after the search migration. */
  searchIndexChunk: 250,
  historyPageMax: 200,
  /** Missed messages replayed on reconnect before the client is told to reload instead. */
  resumeReplayMax: 1000,
  /** Longest emoji sequence accepted as a reaction, in UTF-16 code units. */
  emojiMax: 64,
  /** Distinct emoji on one message. */
  reactionsPerMessageMax: 50,
  /** Replies returned with a thread. */
  threadRepliesMax: 1000,
  /** People resolved from @names in one message; further names stay plain text. */
  mentionsPerMessageMax: 50,
  /** How long a typing indicator shows without a repeat; clients repeat at most every typingRepeatMs. */
  typingShowMs: 6000,
  typingRepeatMs: 3000,
  /** Typing signals from one person closer together than this are dropped by the server. */
  typingThrottleMs: 1000,
  /** Messages one person may keep saved per workspace. */
  savedPerWorkspaceMax: 1000,
  /** Characters of a message sent with a gateway activity event (for notifications). */
  activityPreviewMax: 200,
  /** People in a DM, the creator included (like Slack's group DMs). */
  dmMembersMax: 9,
  /** Longest timeout a moderator may give (28 days, as Discord). */
  timeoutMaxSeconds: 28 * 24 * 3600,
  timeoutMinSeconds: 60,
  /** Slow mode's longest interval (6 hours). */
  slowModeMaxSeconds: 6 * 3600,
  banReasonMax: 500,
  statusTextMax: 100,
  /** An avatar is resized in the browser to a square of this many pixels before upload. */
  avatarPixels: 256,
  /** Largest avatar upload, in bytes. */
  avatarBytesMax: 200 * 1024,
  /** Files one message may carry. */
  attachmentsPerMessageMax: 10,
  /** A file's name is cut to this many characters (its extension kept). */
  fileNameMax: 255,
  /** Longest file name accepted on upload, before it is cut. */
  fileNameRawMax: 4096,
  /** Longest Content-Type kept for a file; longer ones are stored as application/octet-stream. */
  fileTypeMax: 127,
  /** Widths and heights a client may declare for an image or video, in pixels. */
  mediaDimensionMax: 100_000,
  /** Largest thumbnail the browser may upload for a file (PNG, JPEG or WebP). */
  thumbnailBytesMax: 256 * 1024,
  /** Uploads not yet part of a message are deleted this long after they finish, freeing their quota. */
  unattachedFileTtlMs: 24 * 3600 * 1000,
  /** An upload still streaming after this long is given up: its reservation lapses and its row is removed. */
  uploadStaleMs: 24 * 3600 * 1000,
  filesPageSize: 50,
  filesPageMax: 200,
  auditPageSize: 50,
  auditPageMax: 200,
  instanceNameMax: 64,
  sessionLifetimeMs: 30 * 24 * 3600 * 1000,
  loginFailuresPerWindow: 10,
  loginFailureWindowMs: 5 * 60 * 1000,
  /** Longest PlantUML source sent to the operator's server, in characters (any message's diagram fits). */
  plantUmlSourceMax: 8000,
  /** How long the PlantUML server gets to answer, and the largest SVG taken from it. */
  plantUmlTimeoutMs: 5000,
  plantUmlSvgBytesMax: 512 * 1024,
  /** Diagrams sent to the PlantUML server per person per window; diagrams already rendered cost nothing. */
  plantUmlRendersPerWindow: 30,
  plantUmlRenderWindowMs: 60 * 1000,
  /** Rendered diagrams kept; past either bound the least recently shown go first. */
  plantUmlCacheRows: 2000,
  plantUmlCacheBytesMax: 64 * 1024 * 1024,
  /** A kept rendering is redrawn after this long, so an upgraded PlantUML server's look arrives. */
  plantUmlCacheMaxAgeMs: 30 * 24 * 3600 * 1000,
} as const;

/** Channel name shape: lowercase words joined by dashes, like Slack. */
export const CHANNEL_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
/** Usernames start and end with a letter or digit (a trailing dot would end a sentence after an @mention). */
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9_-])?$/;
