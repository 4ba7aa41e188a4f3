import Foundation
import Hummingbird
import MultipartKit
import RealiseStore
import RealiseWorkbench

/// Plan files uploaded in one `multipart/form-data` form: read from the body, checked, written to a private folder of
/// their own, imported from there exactly as `realise import FOLDER` imports a folder, and removed.
struct UploadedPlans: Sendable {
    /// A file as uploaded: its name (the last path component the browser sent) and its bytes.
    struct File: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    /// The files of the `files` fields.
    var files: [File]
    /// The other fields, such as `csrf`.
    var fields: [String: String]

    /// The form in `request`'s body, at most `WebLimits.uploadBytes` in all (413 beyond).
    /// - Throws: `.invalid` for a body that is not a multipart form, or a file name that cannot be a plan's.
    static func read(_ request: Request, context: WebContext) async throws -> UploadedPlans {
        guard let type = request.headers[.contentType], let boundary = Self.boundary(type) else {
            throw WebError.invalid(field: "files", "send the files as a multipart/form-data form")
        }
        var request = request
        let body = try await request.body(upTo: context.maxUploadSize)
        var parts: [(headers: [String: String], body: [UInt8])] = []
        var current: (headers: [String: String], body: [UInt8]) = ([:], [])
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in current.headers[name.lowercased()] = value }
        parser.onBody = { buffer in current.body += buffer.readableBytesView }
        parser.onPartComplete = {
            parts.append(current)
            current = ([:], [])
        }
        do { try parser.execute(body) } catch { throw WebError.invalid(field: "files", "the form could not be read as multipart/form-data") }
        var plans = UploadedPlans(files: [], fields: [:])
        for part in parts {
            guard let disposition = part.headers["content-disposition"], let name = Self.parameter("name", in: disposition) else { continue }
            if name == "files", let filename = Self.parameter("filename", in: disposition) {
                if filename.isEmpty && part.body.isEmpty { continue }
                let safe = try Self.safeName(filename)
                guard !plans.files.contains(where: { $0.name == safe }) else {
                    throw WebError.invalid(field: "files", "two files are named \(safe); upload files with different names")
                }
                plans.files.append(File(name: safe, bytes: part.body))
            } else {
                plans.fields[name] = String(decoding: part.body, as: UTF8.self)
            }
        }
        return plans
    }

    /// Writes the files to a new private folder, imports that folder into `workbench`, and removes the folder; all or
    /// nothing, as the command line imports. Problems name the uploaded file (`plan.xml:12: …`), not the folder.
    func importInto(_ workbench: Workbench) throws -> [ImportOutcome] {
        guard !files.isEmpty else { throw WebError.invalid(field: "files", "choose one or more plan files to import") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files {
            let path = folder.appendingPathComponent(file.name).path
            guard FileManager.default.createFile(atPath: path, contents: Data(file.bytes), attributes: [.posixPermissions: 0o600]) else {
                throw WebError.server
            }
        }
        do {
            return try workbench.importFiles(try PlanReading().read([folder.path]))
        } catch {
            throw WebError.refused(error.lines.map { $0.replacingOccurrences(of: folder.path + "/", with: "") })
        }
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    private static func boundary(_ type: String) -> String? {
        guard type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: type)
    }

    /// The value of `name=value` or `name="value"` among a header's `;`-separated parameters.
    private static func parameter(_ name: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }

    /// The last component of an uploaded file's name, refused when it could escape the folder or hide from a listing.
    private static func safeName(_ name: String) throws(WebError) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        guard !last.isEmpty, last != ".", last != "..", !last.hasPrefix("."), last.utf8.count <= 200,
              !last.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .invalid(field: "files", "'\(name.prefix(80))' is not a file name a plan can have; rename the file and upload it again")
        }
        return last
    }
}
