# sam build (template.yaml: BuildMethod makefile) calls one target per function with ARTIFACTS_DIR set.
# All four functions deploy the same package: classes at the root, dependencies in lib/.
# Maven's incremental build makes the second and third call quick (samconfig.toml builds in source).
LAMBDA_ZIP := functions/target/formasi-functions-lambda.zip

.PHONY: lambda-zip build-ApiFunction build-SolveFunction build-SnapshotChangedFunction build-SolveFailedFunction

lambda-zip:
	./mvnw -q -B -ntp -pl functions -am package -DskipTests

build-ApiFunction build-SolveFunction build-SnapshotChangedFunction build-SolveFailedFunction: lambda-zip
	unzip -q -o $(LAMBDA_ZIP) -d "$(ARTIFACTS_DIR)"
