"""Extensions to the Rasa server itself (loaded by name from endpoints files): what Rasa 3.6 gets wrong
in serving and, being the last open release, will not fix upstream."""
