import Foundation
import RealiseModel
import ZIPFoundation

extension WorkbookArchive {
    /// Stops inflating once the head of a part is in hand.
    private struct Enough: Error {}

    /// How much of each part's head is looked at for a DOCTYPE.
    static let prologBytes = 64 << 10

    /// Refuses a workbook with a DOCTYPE in the prolog of any of its XML parts — also those Realise never
    /// parses (document properties, themes, drawings) — so no part can carry a DTD or declare an entity. Only
    /// the head of each part is inflated. The parts Realise does parse are checked again, whole, by the XML
    /// reader.
    /// - Throws: `.invalid` naming the part and the line of its DOCTYPE.
    func checkPrologs() throws(ImportError) {
        for entry in entries.values.sorted(by: { $0.path < $1.path }) {
            let name = entry.path.lowercased()
            guard name.hasSuffix(".xml") || name.hasSuffix(".rels") || name.hasSuffix(".vml") else { continue }
            let head = try self.head(of: entry)
            guard head.contains(UInt8(ascii: "!")) else { continue }
            let file = folder.appendingPathComponent("prolog-\(extracted).xml").path
            extracted += 1
            guard FileManager.default.createFile(atPath: file, contents: Data(head)) else { continue }
            defer { unlink(file) }
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            if case .doctype(let line) = XMLProlog.problem(descriptor: descriptor) {
                throw .invalid([Diagnostic(.error, path: partName(entry.path), line: line,
                                           "a DOCTYPE is not allowed (entities and DTDs are never loaded); remove it")])
            }
        }
    }

    /// The first `prologBytes` of a part, inflated (no more is).
    private func head(of entry: Entry) throws(ImportError) -> [UInt8] {
        var head: [UInt8] = []
        let limit = WorkbookArchive.prologBytes
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            _ = try archive.extract(entry, bufferSize: 16 << 10, skipCRC32: true) { data in
                head += data.prefix(limit - head.count)
                if head.count >= limit { throw Enough() }
            }
        } catch is Enough {
        } catch {
            throw WorkbookArchive.refused(path, "part '\(entry.path.prefix(80))' cannot be inflated (\(error)); "
                                          + "the workbook is damaged or truncated: open it in Excel and save it again")
        }
        return head
    }
}
