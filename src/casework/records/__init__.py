"""Records: people (children, and adults for LADO and fostering), their key information,
episodes, events with every version kept, chronology entries, teams, and the obligations
the engine works out from the events."""
