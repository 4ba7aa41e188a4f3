public enum RealiseStorePlaceholder {}
