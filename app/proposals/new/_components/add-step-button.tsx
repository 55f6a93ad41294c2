/** The submit of a template form: its errors (once the user tried), then "Add to proposal". */
export function AddStepButton({ errors }: { errors: string[] }) {
  return (
    <>
      {errors.map((error) => (
        <p key={error} role="alert" data-testid="field-error" className="text-sm text-red-800">
          {error}
        </p>
      ))}
      <button
        type="submit"
        data-testid="add-step"
        className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700"
      >
        Add to proposal
      </button>
    </>
  );
}
