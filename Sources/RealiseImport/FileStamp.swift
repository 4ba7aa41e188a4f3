import Foundation

/// What `stat` says of a file that changes when it is written: its size, modification time (to the
/// nanosecond) and inode (a file replaced by renaming another over it). Taken before a file is fingerprinted
/// and compared after it has been read, so that a file written to while it is imported fails the import
/// instead of leaving a fingerprint that does not match what was stored.
struct FileStamp: Equatable {
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64

    /// The file's stamp, or nil when it cannot be had.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    /// The stamps of `paths`, in order (nil for a path without one).
    static func of(_ paths: [String]) -> [FileStamp?] { paths.map(FileStamp.init(path:)) }

    /// Throws when any of `paths` no longer has the stamp it had (`before`, in the same order).
    static func check(_ paths: [String], against before: [FileStamp?]) throws(ImportError) {
        for (path, stamp) in zip(paths, before) where FileStamp(path: path) != stamp {
            throw .unreadable(path: path, reason: "the file changed while it was being read (its size or modification "
                              + "time is not what it was); nothing was imported: import it again once it is no longer being written")
        }
    }
}
