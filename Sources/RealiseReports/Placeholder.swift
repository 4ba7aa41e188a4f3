public enum RealiseReportsPlaceholder {}
