"""Quality assurance: the self-assessment framework, the case file audit tool and the
audit programme, as validated data (see casework.quality.frameworks)."""
