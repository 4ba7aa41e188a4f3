import Hummingbird

extension Request {
    /// The whole body, at most `limit` bytes (413 beyond). A body the client stopped sending halfway is the client's
    /// doing, answered 400 and never logged as the server's failure.
    mutating func body(upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await collectBody(upTo: limit)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            throw WebError.incomplete
        }
    }
}
