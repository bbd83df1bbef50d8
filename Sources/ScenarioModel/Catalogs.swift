/// What the Cekura API lists for the user (personalities, metrics, test
/// profiles), as completion, hover and the catalog checks read it. The server
/// fills it from the API's cached catalogs; a list that is nil is not known
/// (no key, offline, not fetched yet), and then nothing is said about it.
public struct Catalogs: Sendable, Equatable {
    public struct Personality: Sendable, Equatable {
        public let id: Int
        public let name: String
        /// A language code such as `en`.
        public let language: String?
        /// Accent, provider and voice model, as far as known: `American · cartesia · sonic-3.5`.
        public let voice: String?

        public init(id: Int, name: String, language: String?, voice: String?) {
            self.id = id
            self.name = name
            self.language = language
            self.voice = voice
        }
    }

    public struct Metric: Sendable, Equatable {
        public let id: Int
        public let name: String
        public let slug: String?
        public let description: String?

        public init(id: Int, name: String, slug: String?, description: String?) {
            self.id = id
            self.name = name
            self.slug = slug
            self.description = description
        }
    }

    public struct TestProfile: Sendable, Equatable {
        public let id: Int
        public let name: String

        public init(id: Int, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var personalities: [Personality]?
    /// The metrics of the agent's (or project's) project.
    public var metrics: [Metric]?
    /// Metrics every project can enable.
    public var predefinedMetrics: [Metric]?
    public var testProfiles: [TestProfile]?

    public init(personalities: [Personality]? = nil, metrics: [Metric]? = nil, predefinedMetrics: [Metric]? = nil,
                testProfiles: [TestProfile]? = nil) {
        self.personalities = personalities
        self.metrics = metrics
        self.predefinedMetrics = predefinedMetrics
        self.testProfiles = testProfiles
    }

    public func personality(_ id: Int) -> Personality? { personalities?.first { $0.id == id } }

    /// A project metric, else a predefined one, by id or by slug.
    public func metric(id: Int) -> Metric? { allMetrics.first { $0.id == id } }
    public func metric(slug: String) -> Metric? { allMetrics.first { $0.slug == slug } }

    public var allMetrics: [Metric] { (metrics ?? []) + (predefinedMetrics ?? []) }
}
