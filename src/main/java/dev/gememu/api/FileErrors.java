package dev.gememu.api;

/** Google's wording for the Files API's errors, written once. */
public final class FileErrors {
  private FileErrors() {}

  /** A file that does not exist, was deleted or has expired: Google does not tell these apart. */
  public static ApiException notFound(String id) {
    return new ApiException(Status.PERMISSION_DENIED,
        "You do not have permission to access the File " + id + " or it may not exist.");
  }

  public static ApiException unknownUpload(String uploadId) {
    return new ApiException(Status.NOT_FOUND, "No upload session " + uploadId
        + " exists: it was finished, never started, or the server restarted. Start the upload again.");
  }

  public static ApiException wrongOffset(long expected, long sent) {
    return ApiException.invalidArgument("Invalid X-Goog-Upload-Offset " + sent + ": the upload has "
        + expected + " bytes so far, so the next chunk must start at offset " + expected + ".");
  }

  public static ApiException missingHeader(String header) {
    return ApiException.invalidArgument("The request is missing the " + header + " header.");
  }

  public static ApiException badHeader(String header, String value) {
    return ApiException.invalidArgument("Invalid value of " + header + ": \"" + value + "\".");
  }

  public static ApiException tooLarge(long size, long limit) {
    return ApiException.invalidArgument("File size " + size + " bytes exceeds the maximum allowed file size of "
        + limit + " bytes.");
  }

  public static ApiException sizeMismatch(long declared, long received) {
    return ApiException.invalidArgument("The upload was finalized with " + received
        + " bytes but X-Goog-Upload-Header-Content-Length announced " + declared + ".");
  }

  public static ApiException longerThanAnnounced(long declared) {
    return ApiException.invalidArgument("The upload is longer than the " + declared
        + " bytes X-Goog-Upload-Header-Content-Length announced.");
  }

  public static ApiException storageFull(long limit) {
    return new ApiException(Status.RESOURCE_EXHAUSTED, "Storage quota exceeded: the files of this project"
        + " may take at most " + limit + " bytes. Delete files or wait for them to expire.");
  }

  public static ApiException badName(String name) {
    return ApiException.invalidArgument("Invalid file name \"" + name + "\": a name is files/ followed by at most"
        + " 40 lowercase letters, digits or dashes, not starting or ending with a dash.");
  }

  public static ApiException nameTaken(String name) {
    return new ApiException(Status.INVALID_ARGUMENT, "A file named " + name + " already exists.");
  }
}
