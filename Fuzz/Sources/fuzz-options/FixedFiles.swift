/// The files `fuzz-options` reads when its input has no body: small, but with what the options act on.
enum FixedFiles {
    /// MS Project XML with custom fields aliased as the default link fields, a deliverable-id field, a note
    /// field and links between tasks, so that `--link-field` changes which fields become links.
    static let mspdi = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="http://schemas.microsoft.com/project">
          <Name>fixed.xml</Name>
          <Title>Fixed Programme</Title>
          <MinutesPerDay>480</MinutesPerDay>
          <ExtendedAttributes>
            <ExtendedAttribute><FieldID>188743731</FieldID><FieldName>Text1</FieldName><Alias>Benefit</Alias></ExtendedAttribute>
            <ExtendedAttribute><FieldID>188743734</FieldID><FieldName>Text2</FieldName><Alias>Strategic Objective</Alias></ExtendedAttribute>
            <ExtendedAttribute><FieldID>188743737</FieldID><FieldName>Text3</FieldName><Alias>Deliverable ID</Alias></ExtendedAttribute>
            <ExtendedAttribute><FieldID>188743740</FieldID><FieldName>Text4</FieldName><Alias>Supplier</Alias></ExtendedAttribute>
            <ExtendedAttribute><FieldID>188743752</FieldID><FieldName>Text8</FieldName></ExtendedAttribute>
          </ExtendedAttributes>
          <Tasks>
            <Task><UID>0</UID><Name>Fixed Programme</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
            <Task><UID>1</UID><Name>Design</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
              <Start>2024-03-01T08:00:00</Start><Finish>2024-06-28T17:00:00</Finish></Task>
            <Task><UID>2</UID><Name>Survey</Name><OutlineLevel>2</OutlineLevel>
              <Start>2024-03-01T08:00:00</Start><Finish>2024-04-12T17:00:00</Finish><PercentComplete>60</PercentComplete>
              <ExtendedAttribute><FieldID>188743731</FieldID><Value>BEN-01, BEN-02</Value></ExtendedAttribute>
              <ExtendedAttribute><FieldID>188743734</FieldID><Value>OBJ-1|OBJ-2</Value></ExtendedAttribute>
              <ExtendedAttribute><FieldID>188743740</FieldID><Value>Atkins</Value></ExtendedAttribute>
              <ExtendedAttribute><FieldID>188743752</FieldID><Value>BEN-03</Value></ExtendedAttribute>
            </Task>
            <Task><UID>3</UID><Name>Approved</Name><OutlineLevel>2</OutlineLevel><Milestone>1</Milestone>
              <Start>2024-06-28T17:00:00</Start><Finish>2024-06-28T17:00:00</Finish>
              <ExtendedAttribute><FieldID>188743737</FieldID><Value>DEL-APPROVED</Value></ExtendedAttribute>
              <ExtendedAttribute><FieldID>188743731</FieldID><Value>BEN-01;BEN-04</Value></ExtendedAttribute>
              <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
            </Task>
          </Tasks>
        </Project>

        """

    /// A register with no programme column, so every entity takes `--programme`.
    static let register = """
        Benefit ID,Description,Type,Objectives,Enablers,Benefit Owner,Metric ID,Metric Name,Unit,Direction,Baseline Value,Baseline Date,Target Value,Target Date
        BEN-01,Shorter journeys,benefit,OBJ-1;OBJ-2,DEL-1|DEL-2,Head of Transport,MET-1,Average journey time,minutes,decrease,68,2023-09-30,58,2028-03-31
        BEN-02,Fewer missed connections,Benefit,OBJ-1,DEL-APPROVED,Ops Lead,MET-2,Missed connections,count,decrease,120,2023-09-30,80,2028-03-31

        """
}
