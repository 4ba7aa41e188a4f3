import Foundation
import RealiseModel
import ZIPFoundation

extension WorkbookArchive {
    /// A limit met while inflating, carried out of ZIPFoundation's consumer.
    private struct Stop: Error { let error: ImportError }

    /// Inflates `part` into a temporary file of its own and returns the file's path; nil when the archive
    /// has no such part. The bytes are counted as they come, so a part that lies about its size is stopped
    /// at the limit.
    /// - Throws: `.invalid` for a ZIP bomb (saying which limit) or a part that cannot be inflated.
    func extract(_ part: String) throws(ImportError) -> String? {
        guard let entry = entries[part.lowercased()] else { return nil }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .unreadable(path: folder.path, reason: "cannot make a temporary folder: \(error.localizedDescription)")
        }
        extracted += 1
        let target = folder.appendingPathComponent("part-\(extracted).xml").path
        guard FileManager.default.createFile(atPath: target, contents: nil), let output = FileHandle(forWritingAtPath: target) else {
            throw .unreadable(path: target, reason: "cannot write a temporary file")
        }
        defer { try? output.close() }
        let packed = max(Int64(clamping: entry.compressedSize), 1)
        var written: Int64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { data in
                written += Int64(data.count)
                if let problem = self.limitProblem(part: entry.path, written: written, packed: packed, added: Int64(data.count)) {
                    throw Stop(error: problem)
                }
                try output.write(contentsOf: data)
            }
        } catch let stop as Stop {
            throw stop.error
        } catch {
            throw WorkbookArchive.refused(path, "part '\(entry.path.prefix(80))' cannot be inflated (\(error)); "
                                          + "the workbook is damaged or truncated: open it in Excel and save it again")
        }
        return target
    }

    /// The limit `written` bytes of a part (`added` of them just now) break, if any.
    private func limitProblem(part: String, written: Int64, packed: Int64, added: Int64) -> ImportError? {
        inflated += added
        let name = part.prefix(80)
        if written > limits.partBytes {
            return WorkbookArchive.refused(path, "part '\(name)' inflates to more than the \(WorkbookLimits.size(limits.partBytes)) "
                                           + "limit on one part (a ZIP bomb?); it is refused")
        }
        if inflated > limits.totalBytes {
            return WorkbookArchive.refused(path, "the workbook inflates to more than the \(WorkbookLimits.size(limits.totalBytes)) "
                                           + "limit on a whole workbook (a ZIP bomb?); it is refused")
        }
        if written > limits.ratioFloorBytes, written / packed > limits.ratio {
            return WorkbookArchive.refused(path, "part '\(name)' inflates more than \(limits.ratio) times over, the limit on "
                                           + "compression (a ZIP bomb?); it is refused")
        }
        return nil
    }

    /// How diagnostics about the XML of a part name it: `book.xlsx:xl/worksheets/sheet1.xml` (then its line
    /// and column), unlike a cell of a sheet, `book.xlsx[Sheet]!C12`.
    func partName(_ part: String) -> String { "\(path):\(part)" }

    /// Opens `part` with the hardened XML reader, its diagnostics naming `name`; nil when there is no such part.
    /// The inflated file is unlinked once open (the reader keeps its descriptor), so parts read one after
    /// another never hold more disk than the largest of them.
    func reader(_ part: String, name: String) throws(ImportError) -> XMLPullReader? {
        guard let file = try extract(part) else { return nil }
        defer { unlink(file) }
        return try XMLPullReader(path: file, name: name)
    }
}
