import Hummingbird
import HummingbirdTesting

/// A `multipart/form-data` body as a browser sends an upload form: the files under `files`, and plain fields.
enum Multipart {
    static let boundary = "----realise-test-boundary-7MA4YWxkTrZu0gW"
    static let type = "multipart/form-data; boundary=\(boundary)"

    static func body(files: [(name: String, content: String)], fields: [(String, String)]) -> ByteBuffer {
        var text = ""
        for (name, value) in fields {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\(file.content)\r\n"
        }
        return ByteBuffer(string: text + "--\(boundary)--\r\n")
    }
}

extension SignedInClient {
    /// Uploads `files` through the import form.
    func upload(_ files: [(name: String, content: String)], csrf: String? = nil) async throws -> TestResponse {
        try await client.execute(uri: "/import", method: .post, headers: [.cookie: cookie, .contentType: Multipart.type],
                                 body: Multipart.body(files: files, fields: [("csrf", csrf ?? self.csrf)]))
    }
}
