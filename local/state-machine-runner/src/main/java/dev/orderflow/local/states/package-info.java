/**
 * A local Step Functions for Orderflow: runs Amazon States Language workflows as AWS does, with Java Lambda
 * handlers in-process, and serves the Step Functions API for the AWS SDKs and CLI.
 * <p>
 * Start with {@link dev.orderflow.local.states.StepFunctionsEngine}. The parts, each in its own package:
 * <ul>
 *   <li>{@code asl}: the definition model, its parser and validator (what CreateStateMachine refuses);</li>
 *   <li>{@code jsonpath}: JSONPath queries, reference paths, payload templates and the intrinsic functions;</li>
 *   <li>{@code jsonata}: the JSONata engine adapter, with {@code $states} and Step Functions' extra functions;</li>
 *   <li>{@code execution}: the interpreter: data flow per query language, the states, Retry/Catch, histories;</li>
 *   <li>{@code lambda}: in-process functions with the Lambda Java runtime's conversions and error documents;</li>
 *   <li>{@code mock}: Step Functions Local's mock-config format;</li>
 *   <li>{@code time}: real and virtual clocks;</li>
 *   <li>{@code api} and {@code http}: the service semantics (idempotency, names, retention) and AWS JSON 1.0;</li>
 *   <li>{@code cli}: {@code ./orderflow states run | bench | serve}.</li>
 * </ul>
 */
package dev.orderflow.local.states;
