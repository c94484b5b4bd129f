export async function browserChecks() {}
